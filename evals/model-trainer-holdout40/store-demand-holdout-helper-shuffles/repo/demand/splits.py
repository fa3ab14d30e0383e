from sklearn.model_selection import train_test_split


def holdout_split(frame, holdout_frac, seed):
    """Split a feature frame into a fit part and a holdout part."""
    fit_part, holdout_part = train_test_split(frame, test_size=holdout_frac, random_state=seed)
    return fit_part, holdout_part
