"""Assign train/val/test per actor so no actor's clips appear in two splits."""
import numpy as np
import pandas as pd

SEED = 99
clips = pd.read_csv("data/workout_clips/clips_raw.csv")          # path, exercise, actor_id
actors = np.sort(clips["actor_id"].unique())
rng = np.random.default_rng(SEED)
rng.shuffle(actors)
n = len(actors)
split_of = {a: "test" for a in actors[: int(0.2 * n)]}
split_of.update({a: "val" for a in actors[int(0.2 * n): int(0.35 * n)]})
split_of.update({a: "train" for a in actors[int(0.35 * n):]})
clips["split"] = clips["actor_id"].map(split_of)
print(clips.groupby("split").agg(clips=("path", "size"), actors=("actor_id", "nunique")))
clips.to_csv("data/workout_clips/clips.csv", index=False)
