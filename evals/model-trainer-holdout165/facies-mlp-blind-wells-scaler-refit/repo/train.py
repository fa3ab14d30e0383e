"""Train the lithology MLP on the development wells (blind wells live in a separate file)."""
import joblib
import numpy as np
from sklearn.model_selection import GroupKFold, cross_val_score
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from common import LOGS, TARGET, read_wells

SEED = 21

dev = read_wells("data/dev_wells.csv")
X, y, groups = dev[LOGS].to_numpy(), dev[TARGET].to_numpy(), dev["WELL"].to_numpy()
print(f"{dev.WELL.nunique()} development wells, {len(dev)} samples")

mlp = MLPClassifier(hidden_layer_sizes=(64, 64), alpha=1e-3, batch_size=256,
                    learning_rate_init=1e-3, max_iter=300, early_stopping=True,
                    n_iter_no_change=15, random_state=SEED)

cv_scores = cross_val_score(make_pipeline(StandardScaler(), mlp), X, y,
                            groups=groups, cv=GroupKFold(n_splits=5), scoring="f1_macro")
print("GroupKFold macro F1:", np.round(cv_scores, 3), "mean", cv_scores.mean().round(3))

scaler = StandardScaler().fit(X)
mlp.fit(scaler.transform(X), y)
joblib.dump(mlp, "models/litho_mlp.joblib")
print("saved models/litho_mlp.joblib")
