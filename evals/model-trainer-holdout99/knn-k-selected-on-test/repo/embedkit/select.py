"""Small grid sweep for k-NN routers on top of frozen embeddings."""
import itertools
import logging

from sklearn.metrics import f1_score
from sklearn.neighbors import KNeighborsClassifier

log = logging.getLogger(__name__)


def _grid(search_cfg):
    keys = ["n_neighbors", "weights", "metric"]
    for values in itertools.product(*(search_cfg[k] for k in keys)):
        yield dict(zip(keys, values))


def sweep_knn(X_fit, y_fit, X_eval, y_eval, search_cfg):
    """Fit one KNN per grid point and keep the one with the best macro-F1."""
    best_model, best_params, best_score = None, None, -1.0
    history = []
    for params in _grid(search_cfg):
        model = KNeighborsClassifier(algorithm="brute", **params)
        model.fit(X_fit, y_fit)
        score = f1_score(y_eval, model.predict(X_eval), average="macro")
        history.append({**params, "macro_f1": score})
        log.info("knn %s -> macro_f1=%.4f", params, score)
        if score > best_score:
            best_model, best_params, best_score = model, params, score
    return best_model, best_params, history
