import os

import mlflow


def start(experiment: str):
    # MLFLOW_TRACKING_URI / MLFLOW_TRACKING_TOKEN come from the CI secret store or the user's shell
    uri = os.environ.get("MLFLOW_TRACKING_URI", "file:./mlruns")
    mlflow.set_tracking_uri(uri)
    mlflow.set_experiment(experiment)
    return mlflow.start_run()
