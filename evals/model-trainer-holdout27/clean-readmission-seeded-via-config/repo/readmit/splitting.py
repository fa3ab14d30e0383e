from sklearn.model_selection import StratifiedGroupKFold


def patient_holdout(df, cfg):
    """One fold of a stratified, patient-grouped K-fold serves as the holdout (~holdout_fraction)."""
    n_parts = round(1 / cfg.holdout_fraction)
    sgkf = StratifiedGroupKFold(n_splits=n_parts, shuffle=True, random_state=cfg.seed)
    dev_idx, hold_idx = next(sgkf.split(df, df[cfg.label], groups=df[cfg.group]))
    return df.iloc[dev_idx].reset_index(drop=True), df.iloc[hold_idx].reset_index(drop=True)


def patient_folds(cfg):
    return StratifiedGroupKFold(n_splits=cfg.folds, shuffle=True, random_state=cfg.seed)
