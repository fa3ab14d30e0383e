import torch
import torch.nn as nn


class LaneAwareForecaster(nn.Module):
    """History GRU + max-pooled lane-centerline MLP, K trajectory modes with confidences."""

    def __init__(self, k=6, fut=60, hid=128, p=0.1):
        super().__init__()
        self.k, self.fut = k, fut
        self.agent = nn.GRU(4, hid, batch_first=True)
        self.lane = nn.Sequential(nn.Linear(20 * 2, hid), nn.ReLU(), nn.Linear(hid, hid))
        self.fuse = nn.Sequential(nn.Linear(2 * hid, 2 * hid), nn.ReLU(), nn.Dropout(p))
        self.traj = nn.Linear(2 * hid, k * fut * 2)
        self.conf = nn.Linear(2 * hid, k)

    def forward(self, hist, lanes):  # hist (B, 50, 4), lanes (B, L, 20, 2)
        _, h = self.agent(hist)
        lane_feat = self.lane(lanes.flatten(2)).max(dim=1).values
        z = self.fuse(torch.cat([h[-1], lane_feat], dim=-1))
        return self.traj(z).view(-1, self.k, self.fut, 2), self.conf(z)
