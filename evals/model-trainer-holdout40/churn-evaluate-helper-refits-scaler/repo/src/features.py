from sklearn.preprocessing import StandardScaler


def fit_scaler(X):
    """Standardise numeric columns; fitted on the training split by the caller."""
    scaler = StandardScaler()
    scaler.fit(X)
    return scaler
