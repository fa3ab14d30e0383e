from sklearn.model_selection import GroupShuffleSplit


def three_way(df, group_col, test_size, val_size, seed):
    outer = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, groups=df[group_col]))
    dev = df.iloc[dev_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_size, random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, groups=dev[group_col]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], df.iloc[test_idx]
