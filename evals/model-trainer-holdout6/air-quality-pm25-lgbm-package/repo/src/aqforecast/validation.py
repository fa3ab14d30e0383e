from sklearn.model_selection import KFold


def make_splitter(cv_cfg: dict):
    """Fold generator shared by the training and the tuning scripts."""
    return KFold(
        n_splits=cv_cfg["n_splits"],
        shuffle=cv_cfg.get("shuffle", True),
        random_state=cv_cfg["seed"],
    )
