import mlflow
import mlflow.xgboost
from mlflow.tracking import MlflowClient


def champion_model(name: str):
    client = MlflowClient()
    try:
        mv = client.get_model_version_by_alias(name, "champion")
    except mlflow.exceptions.MlflowException:
        return None, None
    return mlflow.xgboost.load_model(f"models:/{name}@champion"), mv.version


def register_and_alias(run_id: str, name: str, alias: str) -> str:
    mv = mlflow.register_model(f"runs:/{run_id}/model", name)
    MlflowClient().set_registered_model_alias(name, alias, mv.version)
    return mv.version
