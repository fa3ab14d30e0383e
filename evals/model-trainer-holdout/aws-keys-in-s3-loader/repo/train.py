import json

from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

from pipeline.model import CATEGORICAL, NUMERIC, build
from pipeline.s3_source import read_extract

SEED = 8

claims = read_extract("claims/2024-05/claims.parquet")
X = claims[NUMERIC + CATEGORICAL]
y = claims["escalated"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

search = GridSearchCV(
    build(C=1.0, seed=SEED),
    {"clf__C": [0.01, 0.1, 1.0, 10.0]},
    scoring="average_precision",
    cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
)
search.fit(X_tr, y_tr)

prior = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
out = {"best_C": search.best_params_["clf__C"], "cv_ap": search.best_score_}
for name, est in [("logreg", search.best_estimator_), ("prior", prior)]:
    p = est.predict_proba(X_te)[:, 1]
    out[name] = {
        "roc_auc": roc_auc_score(y_te, p),
        "pr_auc": average_precision_score(y_te, p),
        "brier": brier_score_loss(y_te, p),
    }
print(json.dumps(out, indent=2))
