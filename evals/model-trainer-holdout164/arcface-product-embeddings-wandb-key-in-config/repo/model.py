import math

import timm
import torch
import torch.nn as nn
import torch.nn.functional as F


class EmbeddingNet(nn.Module):
    def __init__(self, backbone, embed_dim, pretrained=True):
        super().__init__()
        self.backbone = timm.create_model(backbone, pretrained=pretrained, num_classes=0, global_pool="avg")
        self.neck = nn.Sequential(
            nn.Dropout(0.2),
            nn.Linear(self.backbone.num_features, embed_dim),
            nn.BatchNorm1d(embed_dim),
        )

    def forward(self, x):
        return F.normalize(self.neck(self.backbone(x)), dim=1)


class ArcFaceHead(nn.Module):
    """Additive angular margin (Deng et al. 2019) with the easy-margin fallback."""

    def __init__(self, embed_dim, num_classes, s=30.0, m=0.5):
        super().__init__()
        self.W = nn.Parameter(torch.empty(num_classes, embed_dim))
        nn.init.xavier_uniform_(self.W)
        self.s, self.m = s, m
        self.cos_m, self.sin_m = math.cos(m), math.sin(m)
        self.th = math.cos(math.pi - m)
        self.mm = math.sin(math.pi - m) * m

    def forward(self, emb, labels):
        cosine = F.linear(emb, F.normalize(self.W, dim=1)).clamp(-1 + 1e-7, 1 - 1e-7)
        sine = torch.sqrt(1.0 - cosine ** 2)
        phi = cosine * self.cos_m - sine * self.sin_m
        phi = torch.where(cosine > self.th, phi, cosine - self.mm)
        one_hot = F.one_hot(labels, cosine.size(1)).to(cosine.dtype)
        return self.s * (one_hot * phi + (1 - one_hot) * cosine)
