from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 5


def make_models() -> dict:
    return {
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.5)),
        "forest": RandomForestClassifier(
            n_estimators=500, max_depth=12, min_samples_leaf=5, class_weight="balanced",
            n_jobs=-1, random_state=SEED,
        ),
    }
