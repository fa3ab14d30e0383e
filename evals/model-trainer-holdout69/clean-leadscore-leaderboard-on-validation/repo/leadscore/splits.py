from sklearn.model_selection import train_test_split


def three_way_split(X, y, test_size, valid_size, seed):
    """Stratified train / valid / test split; valid_size is a fraction of the full data."""
    X_rest, X_test, y_rest, y_test = train_test_split(
        X, y, test_size=test_size, stratify=y, random_state=seed
    )
    rel_valid = valid_size / (1.0 - test_size)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_rest, y_rest, test_size=rel_valid, stratify=y_rest, random_state=seed
    )
    return X_train, X_valid, X_test, y_train, y_valid, y_test
