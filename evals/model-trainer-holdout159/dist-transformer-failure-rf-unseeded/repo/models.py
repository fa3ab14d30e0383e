from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def build_model(name, params, seed):
    if name == "random_forest":
        return RandomForestClassifier(class_weight="balanced_subsample", n_jobs=-1, **params)
    if name == "gbm":
        return HistGradientBoostingClassifier(
            learning_rate=params.get("learning_rate", 0.05),
            max_depth=params.get("max_depth"),
            max_iter=params.get("n_estimators", 500),
            class_weight="balanced",
            random_state=seed,
        )
    if name == "logreg":
        return make_pipeline(StandardScaler(), LogisticRegression(C=params.get("C", 1.0),
                                                                  class_weight="balanced",
                                                                  max_iter=2000))
    raise ValueError(f"unknown model {name}")
