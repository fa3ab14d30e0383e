from sklearn.model_selection import KFold


def make_folds(frame, n_splits: int, seed: int):
    """Return (train_idx, valid_idx) pairs for model validation."""
    splitter = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return list(splitter.split(frame))
