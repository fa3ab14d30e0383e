import json
import pickle

import numpy as np
from sklearn.linear_model import RidgeCV

from agent_frame import POS_SCALE, transform_all

with open("data/nusc_pred_samples.pkl", "rb") as f:
    samples = pickle.load(f)  # dicts: scene_name, instance_token, sample_token, past_xy, future_xy, yaw
with open("splits/scene_split.json") as f:
    split = json.load(f)  # official nuScenes prediction scene lists

past, fut = transform_all(samples)
scenes = np.array([s["scene_name"] for s in samples])
tr = np.isin(scenes, split["train"])
te = np.isin(scenes, split["val"])
print(f"train {tr.sum()} agents / test {te.sum()} agents, scene overlap: {len(set(scenes[tr]) & set(scenes[te]))}")

X = past.reshape(len(past), -1)
Y = fut.reshape(len(fut), -1)
model = RidgeCV(alphas=np.logspace(-3, 2, 12))
model.fit(X[tr], Y[tr])
print("chosen alpha:", model.alpha_)


def ade_fde(pred, gt):
    d = np.linalg.norm(pred - gt, axis=-1) * POS_SCALE
    return d.mean(), d[:, -1].mean()


T_pred = fut.shape[1]
pred = model.predict(X[te]).reshape(-1, T_pred, 2)

# constant-velocity baseline from the last two observed points (2 Hz)
vel = past[te, -1] - past[te, -2]
cv_pred = past[te, -1][:, None, :] + vel[:, None, :] * np.arange(1, T_pred + 1)[None, :, None]

for name, p in [("ridge", pred), ("const_vel", cv_pred)]:
    ade, fde = ade_fde(p, fut[te])
    print(f"{name:10s} ADE_{T_pred} {ade:.3f} m  FDE_{T_pred} {fde:.3f} m")
