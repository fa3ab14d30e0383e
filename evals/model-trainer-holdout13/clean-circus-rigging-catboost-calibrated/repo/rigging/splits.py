from sklearn.model_selection import train_test_split


def four_way(df, target, fracs, seed):
    """train / valid (early stopping) / calib (probability calibration) / test (final report)."""
    rest, test = train_test_split(df, test_size=fracs["test"], stratify=df[target], random_state=seed)
    rel_valid = fracs["valid"] / (1 - fracs["test"])
    rest, valid = train_test_split(rest, test_size=rel_valid, stratify=rest[target], random_state=seed)
    rel_calib = fracs["calib"] / (1 - fracs["test"] - fracs["valid"])
    train, calib = train_test_split(rest, test_size=rel_calib, stratify=rest[target], random_state=seed)
    return train, valid, calib, test
