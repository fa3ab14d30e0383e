from sklearn.model_selection import StratifiedGroupKFold


def grouped_holdout(df, label, groups, n_folds, seed):
    """One StratifiedGroupKFold fold as the held-out part: whole patients, similar prevalence."""
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    keep_idx, hold_idx = next(sgkf.split(df, df[label], groups=df[groups]))
    return df.iloc[keep_idx].reset_index(drop=True), df.iloc[hold_idx].reset_index(drop=True)
