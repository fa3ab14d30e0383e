"""PaDiM: per-patch multivariate Gaussian on pretrained CNN features (Defard et al. 2020)."""
import torch
import torch.nn.functional as F
from torchvision.models import Wide_ResNet50_2_Weights, wide_resnet50_2


class PaDiM:
    def __init__(self, d_reduced=550, device="cpu", seed=0, eps=0.01):
        self.device = device
        self.eps = eps
        backbone = wide_resnet50_2(weights=Wide_ResNet50_2_Weights.IMAGENET1K_V1)
        self.backbone = backbone.to(device).eval()
        self._feats = []
        for layer in (backbone.layer1, backbone.layer2, backbone.layer3):
            layer.register_forward_hook(lambda m, i, o: self._feats.append(o))
        g = torch.Generator().manual_seed(seed)
        self.idx = torch.randperm(256 + 512 + 1024, generator=g)[:d_reduced].to(device)
        self.mean = None
        self.cov_inv = None

    @torch.no_grad()
    def embed(self, x):
        self._feats.clear()
        self.backbone(x.to(self.device))
        f1, f2, f3 = self._feats
        f2 = F.interpolate(f2, size=f1.shape[-2:], mode="nearest")
        f3 = F.interpolate(f3, size=f1.shape[-2:], mode="nearest")
        return torch.cat([f1, f2, f3], dim=1)[:, self.idx]      # (B, d, H, W)

    def fit(self, loader):
        embs = torch.cat([self.embed(x).cpu() for x, _ in loader])
        B, C, H, W = embs.shape
        embs = embs.permute(2, 3, 0, 1).reshape(H * W, B, C)    # one Gaussian per patch position
        self.mean = embs.mean(dim=1)
        centered = embs - self.mean[:, None]
        cov = torch.einsum("pbc,pbd->pcd", centered, centered) / (B - 1)
        cov += self.eps * torch.eye(C)
        self.cov_inv = torch.linalg.inv(cov)
        return self

    @torch.no_grad()
    def score(self, x):
        emb = self.embed(x).cpu()
        B, C, H, W = emb.shape
        delta = emb.permute(0, 2, 3, 1).reshape(B, H * W, C) - self.mean[None]
        m = torch.einsum("bpc,pcd,bpd->bp", delta, self.cov_inv, delta).clamp_min(0).sqrt()
        amap = F.interpolate(m.reshape(B, 1, H, W), size=x.shape[-2:], mode="bilinear",
                             align_corners=False)
        return amap.squeeze(1)
