import mlflow
from mlflow.tracking import MlflowClient


def load_champion(model_name: str):
    """Return (model, version) for the model currently aliased as champion, or (None, None)."""
    client = MlflowClient()
    try:
        mv = client.get_model_version_by_alias(model_name, "champion")
    except mlflow.exceptions.MlflowException:
        return None, None
    model = mlflow.xgboost.load_model(f"models:/{model_name}@champion")
    return model, mv.version


def promote(model_name: str, run_id: str) -> str:
    client = MlflowClient()
    mv = mlflow.register_model(f"runs:/{run_id}/model", model_name)
    client.set_registered_model_alias(model_name, "champion", mv.version)
    return mv.version
