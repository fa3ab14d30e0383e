import numpy as np
import torch
import torch.nn as nn


class TemporalLifter(nn.Module):
    """VideoPose3D-style dilated temporal convolutions: 2D keypoint window -> 3D pose of the centre frame."""

    def __init__(self, joints=17, filter_widths=(3, 3, 3), channels=1024, dropout=0.25):
        super().__init__()
        self.expand = nn.Sequential(nn.Conv1d(joints * 2, channels, filter_widths[0], bias=False),
                                    nn.BatchNorm1d(channels), nn.ReLU(), nn.Dropout(dropout))
        layers, dilation = [], filter_widths[0]
        for w in filter_widths[1:]:
            layers.append(nn.Sequential(
                nn.Conv1d(channels, channels, w, dilation=dilation, bias=False),
                nn.BatchNorm1d(channels), nn.ReLU(), nn.Dropout(dropout),
                nn.Conv1d(channels, channels, 1, bias=False),
                nn.BatchNorm1d(channels), nn.ReLU(), nn.Dropout(dropout)))
            dilation *= w
        self.layers = nn.ModuleList(layers)
        self.shrink = nn.Conv1d(channels, joints * 3, 1)
        self.joints = joints

    def forward(self, x):                      # x: (N, T, J, 2)
        n, t = x.shape[:2]
        x = self.expand(x.reshape(n, t, -1).transpose(1, 2))
        for layer in self.layers:
            out = layer(x)
            pad = (x.shape[-1] - out.shape[-1]) // 2
            x = x[..., pad:x.shape[-1] - pad] + out
        return self.shrink(x).transpose(1, 2).reshape(n, -1, self.joints, 3)


def build_windows(subjects, d2, d3, rf):
    """Centre-frame windows over every (subject, action, camera) sequence; root-relative 3D targets."""
    half = rf // 2
    xs, ys = [], []
    for s in subjects:
        for action, cams in d2[s].items():
            for cam_idx, kp2d in enumerate(cams):
                pose3d = d3[s][action][cam_idx]
                pose3d = pose3d - pose3d[:, :1]
                padded = np.pad(kp2d, ((half, half), (0, 0), (0, 0)), mode="edge")
                for f in range(len(kp2d)):
                    xs.append(padded[f:f + rf])
                    ys.append(pose3d[f])
    return torch.tensor(np.stack(xs), dtype=torch.float32), torch.tensor(np.stack(ys), dtype=torch.float32)


def mpjpe(pred, target):
    return torch.linalg.norm(pred - target, dim=-1).mean()
