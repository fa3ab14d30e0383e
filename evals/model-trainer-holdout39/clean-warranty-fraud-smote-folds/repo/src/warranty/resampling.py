from imblearn.over_sampling import SMOTE


def make_sampler(cfg: dict) -> SMOTE:
    """Unfitted SMOTE step. It is only ever used as a step of an imblearn Pipeline, which applies
    resampling during fit (i.e. on the training fold) and skips it in predict/predict_proba."""
    return SMOTE(
        sampling_strategy=cfg["smote"]["sampling_strategy"],
        k_neighbors=cfg["smote"]["k_neighbors"],
        random_state=cfg["seed"],
    )
