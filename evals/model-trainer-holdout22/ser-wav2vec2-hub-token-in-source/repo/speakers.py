"""Speaker-independent partition of the acted emotional speech corpus (24 actors)."""
import pandas as pd

TRAIN_ACTORS = list(range(1, 19))
VAL_ACTORS = [19, 20, 21]
TEST_ACTORS = [22, 23, 24]

EMOTIONS = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"]


def load_manifest(path):
    df = pd.read_csv(path)  # columns: path, actor, emotion
    df["label"] = df["emotion"].map({e: i for i, e in enumerate(EMOTIONS)})
    return {
        "train": df[df.actor.isin(TRAIN_ACTORS)].reset_index(drop=True),
        "val": df[df.actor.isin(VAL_ACTORS)].reset_index(drop=True),
        "test": df[df.actor.isin(TEST_ACTORS)].reset_index(drop=True),
    }
