import json
import os
import random

import cv2
import numpy as np
import torch
from torch.utils.data import Dataset

KINETICS_MEAN = np.array([0.43216, 0.394666, 0.37645], dtype=np.float32)
KINETICS_STD = np.array([0.22803, 0.22145, 0.216989], dtype=np.float32)


def read_frames(path, start, end):
    cap = cv2.VideoCapture(path)
    frames = []
    idx = 0
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        idx += 1
        if idx < start or (end > 0 and idx > end):
            continue
        frames.append(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
    cap.release()
    return frames


class WLASLClips(Dataset):
    def __init__(self, root, index_file, split, num_glosses=100, num_frames=16, img_size=112, train=False):
        with open(os.path.join(root, index_file)) as f:
            content = json.load(f)[:num_glosses]
        self.samples = []
        for label, entry in enumerate(content):
            for inst in entry["instances"]:
                vid = os.path.join(root, "videos", f"{inst['video_id']}.mp4")
                if inst["split"] == split and os.path.exists(vid):
                    self.samples.append((vid, inst["frame_start"], inst["frame_end"], label))
        self.num_frames, self.img_size, self.train = num_frames, img_size, train

    def __len__(self):
        return len(self.samples)

    def _indices(self, n):
        if self.train and n > self.num_frames:
            span = random.randint(self.num_frames, n)
            start = random.randint(0, n - span)
            return np.linspace(start, start + span - 1, self.num_frames).astype(int)
        return np.linspace(0, max(n - 1, 0), self.num_frames).astype(int)

    def __getitem__(self, i):
        path, start, end, label = self.samples[i]
        frames = read_frames(path, start, end)
        clip = np.stack([frames[j] for j in self._indices(len(frames))])
        clip = np.stack([cv2.resize(f, (128, 128)) for f in clip]).astype(np.float32) / 255.0
        off = (128 - self.img_size) // 2
        if self.train:
            oy, ox = random.randint(0, 128 - self.img_size), random.randint(0, 128 - self.img_size)
        else:
            oy = ox = off
        clip = clip[:, oy:oy + self.img_size, ox:ox + self.img_size]
        clip = (clip - KINETICS_MEAN) / KINETICS_STD
        return torch.from_numpy(clip).permute(3, 0, 1, 2), label  # C, T, H, W
