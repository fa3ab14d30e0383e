import os

import mlflow


def configure_mlflow(experiment: str) -> None:
    """Credentials come from the environment (MLFLOW_TRACKING_USERNAME / _PASSWORD are read by
    mlflow itself); fall back to a local ./mlruns store when no server is configured."""
    uri = os.environ.get("MLFLOW_TRACKING_URI")
    if uri and not os.environ.get("MLFLOW_TRACKING_PASSWORD"):
        raise RuntimeError("MLFLOW_TRACKING_URI set but MLFLOW_TRACKING_PASSWORD is missing; see .env.example")
    mlflow.set_tracking_uri(uri or "file:./mlruns")
    mlflow.set_experiment(experiment)
