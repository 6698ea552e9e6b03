import json
import os


def handler(event, context):
    mode = os.environ.get("MODE", "single")
    return {"statusCode": 200, "body": json.dumps({"mode": mode, "received": event})}
