import argparse

import joblib
import numpy as np
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

from features import build_matrix, list_samples, log_count_columns

ap = argparse.ArgumentParser()
ap.add_argument("--samples", default="data/samples")
ap.add_argument("--seed", type=int, default=13)
ap.add_argument("--out", default="models/bytehist_mlp.joblib")
args = ap.parse_args()

paths, y = list_samples(args.samples)
X = build_matrix(paths)
X = log_count_columns(X)
print(X.shape, "malicious share:", y.mean().round(3))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=args.seed
)

# robust upper clip from the training distribution, then standardize
upper = np.quantile(X_train, 0.999, axis=0)
X_train = np.minimum(X_train, upper)
X_test = np.minimum(X_test, upper)

scaler = StandardScaler().fit(X_train)
X_train_s = scaler.transform(X_train)
X_test_s = scaler.transform(X_test)

mlp = MLPClassifier(
    hidden_layer_sizes=(256, 64),
    alpha=1e-4,
    batch_size=256,
    learning_rate_init=1e-3,
    max_iter=200,
    early_stopping=True,
    validation_fraction=0.1,
    n_iter_no_change=10,
    random_state=args.seed,
)
mlp.fit(X_train_s, y_train)

proba = mlp.predict_proba(X_test_s)[:, 1]
print("test ROC AUC:", round(roc_auc_score(y_test, proba), 4))
print(classification_report(y_test, (proba >= 0.5).astype(int), target_names=["benign", "malicious"], digits=4))

joblib.dump({"upper": upper, "scaler": scaler, "mlp": mlp}, args.out)
