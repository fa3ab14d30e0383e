from sklearn.model_selection import GroupShuffleSplit


def split_by_query(df, test_frac, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    keep, held = next(gss.split(df, groups=df["qid"]))
    return df.iloc[keep], df.iloc[held]
