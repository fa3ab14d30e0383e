from catboost import CatBoostClassifier, Pool
from sklearn.metrics import roc_auc_score

from loans.dataset import FEATURES


def build_model(params, conf):
    return CatBoostClassifier(
        **params,
        iterations=1500,
        loss_function="Logloss",
        random_seed=conf["seed"],
        verbose=0,
        allow_writing_files=False,
    )


def make_objective(fit_df, score_df, conf):
    y_col = conf["target"]
    fit_pool = Pool(fit_df[FEATURES], fit_df[y_col], cat_features=conf["cat_features"])
    score_pool = Pool(score_df[FEATURES], score_df[y_col], cat_features=conf["cat_features"])

    def objective(trial):
        params = {
            "depth": trial.suggest_int("depth", 4, 9),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
            "l2_leaf_reg": trial.suggest_float("l2_leaf_reg", 1.0, 30.0, log=True),
            "bagging_temperature": trial.suggest_float("bagging_temperature", 0.0, 1.0),
            "random_strength": trial.suggest_float("random_strength", 0.1, 10.0, log=True),
        }
        model = build_model(params, conf)
        model.fit(fit_pool)
        return roc_auc_score(score_df[y_col], model.predict_proba(score_pool)[:, 1])

    return objective
