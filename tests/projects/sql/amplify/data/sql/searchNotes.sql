SELECT n.id, n.title, n.body
FROM notes n
WHERE n.title ILIKE '%' || :term || '%'
ORDER BY n.created_at DESC
LIMIT 20;
