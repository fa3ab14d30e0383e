from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold


def holdout_catchments(df, group, test_frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    tr, te = next(gss.split(df, groups=df[group]))
    return df.iloc[tr].reset_index(drop=True), df.iloc[te].reset_index(drop=True)


def catchment_folds(df, label, group, n_folds, seed):
    """Folds that keep whole catchments together and roughly balance the flooded share."""
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    return list(sgkf.split(df, df[label], groups=df[group]))
