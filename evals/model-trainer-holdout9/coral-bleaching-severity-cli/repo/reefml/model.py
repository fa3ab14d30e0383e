from catboost import CatBoostClassifier


def make_model(cfg):
    return CatBoostClassifier(
        **cfg["catboost"],
        loss_function="Logloss",
        random_seed=cfg["seed"],
        cat_features=cfg["categorical"],
        verbose=False,
    )
