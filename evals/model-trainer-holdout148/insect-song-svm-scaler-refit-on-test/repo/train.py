"""Train an SVM on insect-song features. Split column in meta.csv is assigned per transect."""
import joblib
from sklearn.metrics import f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from features import build_matrix, load_meta

META, AUDIO = "data/meta.csv", "data/clips"

train_meta = load_meta(META, "train")
X_train, y_train = build_matrix(train_meta, AUDIO)

pipe = Pipeline([("scale", StandardScaler()), ("svc", SVC(kernel="rbf", class_weight="balanced"))])
grid = GridSearchCV(
    pipe,
    {"svc__C": [1, 3, 10, 30, 100], "svc__gamma": ["scale", 0.01, 0.003]},
    cv=GroupKFold(n_splits=5),
    scoring="f1_macro",
    n_jobs=-1,
)
grid.fit(X_train, y_train, groups=train_meta["transect_id"])
print("best params:", grid.best_params_, "cv macro-F1:", round(grid.best_score_, 3))

best = grid.best_estimator_
joblib.dump(best.named_steps["svc"], "models/insect_svc.joblib")
print("train macro-F1:", round(f1_score(y_train, best.predict(X_train), average="macro"), 3))
