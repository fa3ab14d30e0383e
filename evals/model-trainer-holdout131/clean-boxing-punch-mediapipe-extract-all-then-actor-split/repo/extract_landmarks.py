"""Run MediaPipe Pose (pretrained, inference only) over every punch clip and cache the landmarks.

clips/<actor>/<punch>_<take>.mp4  ->  cache/landmarks.parquet (one row per frame)
"""
import glob
import os

import cv2
import mediapipe as mp
import pandas as pd

rows = []
with mp.solutions.pose.Pose(static_image_mode=False, model_complexity=1,
                            min_detection_confidence=0.5, min_tracking_confidence=0.5) as pose:
    for path in sorted(glob.glob("clips/*/*.mp4")):
        actor = os.path.basename(os.path.dirname(path))
        punch, take = os.path.splitext(os.path.basename(path))[0].rsplit("_", 1)
        cap = cv2.VideoCapture(path)
        frame_idx = 0
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            res = pose.process(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
            if res.pose_world_landmarks:
                lm = res.pose_world_landmarks.landmark
                row = {"actor": actor, "punch": punch, "take": int(take), "frame": frame_idx}
                for i in range(33):
                    row[f"x{i}"], row[f"y{i}"], row[f"z{i}"] = lm[i].x, lm[i].y, lm[i].z
                rows.append(row)
            frame_idx += 1
        cap.release()

pd.DataFrame(rows).to_parquet("cache/landmarks.parquet", index=False)
print(f"{len(rows)} frames with a detected pose")
