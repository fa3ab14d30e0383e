from imblearn.over_sampling import SMOTE


def oversample_minority(X, y, k_neighbors: int, seed: int):
    """Bring the fraud class up to parity with synthetic SMOTE samples."""
    sampler = SMOTE(sampling_strategy=1.0, k_neighbors=k_neighbors, random_state=seed)
    X_res, y_res = sampler.fit_resample(X, y)
    return X_res, y_res
