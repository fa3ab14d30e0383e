from sklearn.decomposition import PCA
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def build_pipeline(seed: int) -> Pipeline:
    return Pipeline([
        ("scale", StandardScaler()),
        ("pca", PCA(random_state=seed)),
        ("svc", SVC(kernel="rbf", class_weight="balanced", random_state=seed)),
    ])
