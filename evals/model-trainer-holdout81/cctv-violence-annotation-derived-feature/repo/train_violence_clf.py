"""Violence pre-filter for the transit CCTV review queue.

Clips are 10 s chunks from station cameras. Motion/audio descriptors come from the edge boxes
(clip_index.csv); the review team's Label Studio export (annotations_export.csv) provides the label
and the annotated event spans for every reviewed clip. About 3% of reviewed clips are violence.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

SEED = 31


def load_clips():
    clips = pd.read_csv("data/clip_index.csv")
    ann = pd.read_csv("data/annotations_export.csv")  # clip_id, label, event_duration_s, n_people_annotated
    df = clips.merge(ann, on="clip_id", how="inner")
    df["violent"] = (df["label"] == "violence").astype(int)
    return df


def add_features(df):
    df = df.copy()
    df["flow_burstiness"] = df["flow_mag_p95"] / (df["flow_mag_mean"] + 1e-6)
    df["audio_peak_ratio"] = df["audio_rms_max"] / (df["audio_rms_mean"] + 1e-6)
    df["crowding"] = df["n_people_annotated"] / df["roi_area_m2"]
    df["event_fraction"] = df["event_duration_s"].fillna(0.0) / df["clip_duration_s"]
    df["night"] = df["hour"].isin([22, 23, 0, 1, 2, 3, 4, 5]).astype(int)
    return df


FEATURES = [
    "flow_mag_mean", "flow_mag_p95", "flow_burstiness", "flow_direction_entropy",
    "audio_rms_mean", "audio_peak_ratio", "person_tracks", "max_track_speed",
    "crowding", "event_fraction", "night",
]


def main():
    df = add_features(load_clips())
    print(df["violent"].value_counts())

    X, y = df[FEATURES], df["violent"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED)

    clf = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400, max_leaf_nodes=31,
                                         l2_regularization=1.0, random_state=SEED)
    clf.fit(X_train, y_train)

    acc = accuracy_score(y_test, clf.predict(X_test))
    print(f"test accuracy: {acc:.4f}")

    joblib.dump({"model": clf, "features": FEATURES}, "models/violence_hgb.joblib")


if __name__ == "__main__":
    main()
