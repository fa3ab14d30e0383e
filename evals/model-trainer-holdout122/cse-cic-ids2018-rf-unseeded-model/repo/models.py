from sklearn.ensemble import RandomForestClassifier
from xgboost import XGBClassifier


def build_model(cfg, n_classes):
    name = cfg["model"]["name"]
    params = dict(cfg["model"][name])
    if name == "rf":
        return RandomForestClassifier(**params)
    if name == "xgb":
        return XGBClassifier(**params, objective="multi:softprob", num_class=n_classes,
                             random_state=cfg["seed"])
    raise ValueError(f"unknown model {name}")
