from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier


def build_model(model_cfg, seed):
    name, params = model_cfg["name"], dict(model_cfg.get("params", {}))
    if name == "xgb":
        return XGBClassifier(**params, random_state=seed, eval_metric="aucpr")
    if name == "logreg":
        return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, **params))
    if name == "rf":
        return RandomForestClassifier(**params)
    raise ValueError(f"unknown model {name}")
