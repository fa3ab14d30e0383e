import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models import ResNet18_Weights, resnet18
from torchvision.models.feature_extraction import create_feature_extractor


class STPM(nn.Module):
    """Student-Teacher Feature Pyramid Matching (Wang et al., 2021)."""

    def __init__(self, layers=("layer1", "layer2", "layer3")):
        super().__init__()
        nodes = {name: name for name in layers}
        self.teacher = create_feature_extractor(resnet18(weights=ResNet18_Weights.IMAGENET1K_V1), nodes)
        self.student = create_feature_extractor(resnet18(weights=None), nodes)
        self.teacher.eval().requires_grad_(False)
        self.layers = list(layers)

    def train(self, mode=True):
        super().train(mode)
        self.teacher.eval()
        return self

    def forward(self, x):
        with torch.no_grad():
            t_feats = self.teacher(x)
        s_feats = self.student(x)
        return [t_feats[k] for k in self.layers], [s_feats[k] for k in self.layers]

    @staticmethod
    def loss(t_feats, s_feats):
        total = 0.0
        for t, s in zip(t_feats, s_feats):
            t, s = F.normalize(t, dim=1), F.normalize(s, dim=1)
            total = total + 0.5 * ((t - s) ** 2).sum(1).mean()
        return total

    @torch.no_grad()
    def anomaly_map(self, x, out_size):
        t_feats, s_feats = self(x)
        amap = torch.ones(x.size(0), 1, out_size, out_size, device=x.device)
        for t, s in zip(t_feats, s_feats):
            d = 0.5 * ((F.normalize(t, dim=1) - F.normalize(s, dim=1)) ** 2).sum(1, keepdim=True)
            amap = amap * F.interpolate(d, size=out_size, mode="bilinear", align_corners=False)
        return amap
