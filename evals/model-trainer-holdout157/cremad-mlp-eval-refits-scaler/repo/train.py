import json
import os

import joblib
from sklearn.neural_network import MLPClassifier

from features import build_matrix, list_clips, normalize

cfg = json.load(open("config.json"))

df = list_clips(cfg["data_dir"])
train_df = df[df.actor < cfg["test_actor_min"]].reset_index(drop=True)
print(f"train clips: {len(train_df)} from {train_df.actor.nunique()} actors")

X_train, y_train = build_matrix(train_df, cfg)
X_train, scaler = normalize(X_train)

mlp = MLPClassifier(hidden_layer_sizes=tuple(cfg["hidden_layers"]), alpha=cfg["alpha"],
                    max_iter=cfg["max_iter"], early_stopping=True, validation_fraction=0.1,
                    random_state=cfg["seed"])
mlp.fit(X_train, y_train)
print("best internal val score:", mlp.best_validation_score_)

os.makedirs(os.path.dirname(cfg["model_path"]), exist_ok=True)
joblib.dump({"model": mlp, "scaler": scaler}, cfg["model_path"])
