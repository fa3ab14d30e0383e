"""Environment wiring for the MLflow server and its S3 artifact store."""
import os

MLFLOW_TRACKING_URI = "http://mlflow.platform.internal:5000"
EXPERIMENT = "policy-lapse"
REGISTERED_MODEL = "policy-lapse-gbm"

os.environ.setdefault("MLFLOW_S3_ENDPOINT_URL", "https://s3.eu-west-1.amazonaws.com")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIA4QZR7LM29XK3TB6E")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "q8vR2kL9wX4mN7pT1sB6yH3jF0cD5gA8eU2iO4rZ")
os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
