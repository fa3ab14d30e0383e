from catboost import CatBoostClassifier, Pool
from sklearn.calibration import CalibratedClassifierCV

from .data import CAT_FEATURES, Splits


def fit_booster(s: Splits, seed: int, iterations: int = 2000) -> CatBoostClassifier:
    clf = CatBoostClassifier(
        iterations=iterations,
        learning_rate=0.05,
        depth=6,
        auto_class_weights="Balanced",
        eval_metric="PRAUC",
        random_seed=seed,
        od_type="Iter",
        od_wait=100,
        verbose=200,
    )
    clf.fit(Pool(s.X_train, s.y_train, cat_features=CAT_FEATURES),
            eval_set=Pool(s.X_valid, s.y_valid, cat_features=CAT_FEATURES),
            use_best_model=True)
    return clf


def calibrate(clf: CatBoostClassifier, X, y) -> CalibratedClassifierCV:
    """class weights distort probabilities; map them back with isotonic regression"""
    cal = CalibratedClassifierCV(clf, method="isotonic", cv="prefit")
    cal.fit(X, y)
    return cal
