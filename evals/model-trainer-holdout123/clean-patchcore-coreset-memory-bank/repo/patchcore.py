"""Minimal PatchCore (Roth et al. 2022): locally aware patch features + greedy coreset memory bank."""
import torch
import torch.nn.functional as F
from torchvision.models import Wide_ResNet50_2_Weights, wide_resnet50_2


class PatchCore:
    def __init__(self, device="cpu", coreset_ratio=0.1, seed=0):
        self.device = device
        self.coreset_ratio = coreset_ratio
        self.gen = torch.Generator().manual_seed(seed)
        net = wide_resnet50_2(weights=Wide_ResNet50_2_Weights.IMAGENET1K_V1)
        self.net = net.to(device).eval()
        self._out = {}
        net.layer2.register_forward_hook(lambda m, i, o: self._out.__setitem__("l2", o))
        net.layer3.register_forward_hook(lambda m, i, o: self._out.__setitem__("l3", o))
        self.memory = None

    @torch.no_grad()
    def patch_features(self, x):
        self.net(x.to(self.device))
        l2 = F.avg_pool2d(self._out["l2"], 3, stride=1, padding=1)
        l3 = F.avg_pool2d(self._out["l3"], 3, stride=1, padding=1)
        l3 = F.interpolate(l3, size=l2.shape[-2:], mode="bilinear", align_corners=False)
        f = torch.cat([l2, l3], dim=1)                       # (B, 1536, 28, 28)
        B, C, H, W = f.shape
        return f.permute(0, 2, 3, 1).reshape(B, H * W, C), (H, W)

    def _greedy_coreset(self, feats, proj_dim=128):
        proj = torch.randn(feats.shape[1], proj_dim, generator=self.gen) / proj_dim ** 0.5
        z = feats @ proj.to(feats.device)
        n = max(1, int(len(feats) * self.coreset_ratio))
        idx = [int(torch.randint(len(z), (1,), generator=self.gen))]
        dmin = torch.cdist(z, z[idx[-1]][None]).squeeze(1)
        for _ in range(n - 1):
            idx.append(int(torch.argmax(dmin)))
            dmin = torch.minimum(dmin, torch.cdist(z, z[idx[-1]][None]).squeeze(1))
        return feats[idx]

    def fit(self, loader):
        bank = [self.patch_features(x)[0].reshape(-1, 1536).cpu() for x, _ in loader]
        self.memory = self._greedy_coreset(torch.cat(bank)).to(self.device)
        return self

    @torch.no_grad()
    def predict(self, x):
        feats, (H, W) = self.patch_features(x)
        B = feats.shape[0]
        d = torch.cdist(feats.reshape(-1, feats.shape[-1]), self.memory).min(dim=1).values
        amap = d.reshape(B, 1, H, W)
        amap = F.interpolate(amap, size=x.shape[-2:], mode="bilinear", align_corners=False).squeeze(1)
        return amap.flatten(1).max(dim=1).values.cpu(), amap.cpu()
