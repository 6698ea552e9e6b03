export const handler = async () => {
  console.log('weekly report', process.env.REPORT_RECIPIENTS ?? 'nobody');
};
