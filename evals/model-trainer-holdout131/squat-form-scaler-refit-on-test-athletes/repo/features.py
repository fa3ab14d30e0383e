"""Squat form features from MediaPipe BlazePose landmarks.

frames.csv has one row per video frame: athlete_id, rep_id, frame, form_label,
x0..x32 / y0..y32 (normalised image coordinates, side-on camera).
"""
import numpy as np
import pandas as pd

# BlazePose landmark indices
L_SHOULDER, R_SHOULDER = 11, 12
L_HIP, R_HIP = 23, 24
L_KNEE, R_KNEE = 25, 26
L_ANKLE, R_ANKLE = 27, 28
L_HEEL, R_HEEL = 29, 30

FEATURE_COLS = [
    "knee_min", "knee_range", "hip_min", "trunk_lean_max", "trunk_lean_mean",
    "valgus_min", "heel_lift_max", "depth_max", "duration",
]


def _pt(df, idx):
    return df[[f"x{idx}", f"y{idx}"]].to_numpy()


def _angle(a, b, c):
    """Angle at b in degrees, row-wise for (N, 2) arrays."""
    ba, bc = a - b, c - b
    cos = (ba * bc).sum(1) / (np.linalg.norm(ba, axis=1) * np.linalg.norm(bc, axis=1) + 1e-8)
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))


def frame_features(frames: pd.DataFrame) -> pd.DataFrame:
    out = frames[["athlete_id", "rep_id", "frame", "form_label"]].copy()
    knee_l = _angle(_pt(frames, L_HIP), _pt(frames, L_KNEE), _pt(frames, L_ANKLE))
    knee_r = _angle(_pt(frames, R_HIP), _pt(frames, R_KNEE), _pt(frames, R_ANKLE))
    out["knee"] = (knee_l + knee_r) / 2
    out["hip"] = _angle(_pt(frames, L_SHOULDER), _pt(frames, L_HIP), _pt(frames, L_KNEE))

    mid_sh = (_pt(frames, L_SHOULDER) + _pt(frames, R_SHOULDER)) / 2
    mid_hip = (_pt(frames, L_HIP) + _pt(frames, R_HIP)) / 2
    torso = mid_sh - mid_hip
    out["trunk_lean"] = np.degrees(np.arctan2(np.abs(torso[:, 0]), np.abs(torso[:, 1]) + 1e-8))

    knee_w = np.abs(frames[f"x{L_KNEE}"] - frames[f"x{R_KNEE}"])
    ankle_w = np.abs(frames[f"x{L_ANKLE}"] - frames[f"x{R_ANKLE}"]) + 1e-6
    out["valgus"] = knee_w / ankle_w
    # image y grows downwards
    out["heel_lift"] = frames[[f"y{L_ANKLE}", f"y{R_ANKLE}"]].mean(1) - frames[[f"y{L_HEEL}", f"y{R_HEEL}"]].mean(1)
    out["depth"] = mid_hip[:, 1] - frames[[f"y{L_KNEE}", f"y{R_KNEE}"]].mean(1)
    return out


def rep_table(frames: pd.DataFrame) -> pd.DataFrame:
    ff = frame_features(frames)
    g = ff.groupby(["athlete_id", "rep_id"])
    reps = pd.DataFrame({
        "knee_min": g["knee"].min(),
        "knee_range": g["knee"].max() - g["knee"].min(),
        "hip_min": g["hip"].min(),
        "trunk_lean_max": g["trunk_lean"].max(),
        "trunk_lean_mean": g["trunk_lean"].mean(),
        "valgus_min": g["valgus"].min(),
        "heel_lift_max": g["heel_lift"].max(),
        "depth_max": g["depth"].max(),
        "duration": g["frame"].count(),
        "form_label": g["form_label"].first(),
    })
    return reps.reset_index()


def to_matrix(reps: pd.DataFrame, scaler):
    X = scaler.fit_transform(reps[FEATURE_COLS].to_numpy(dtype=float))
    y = reps["form_label"].to_numpy()
    return X, y
