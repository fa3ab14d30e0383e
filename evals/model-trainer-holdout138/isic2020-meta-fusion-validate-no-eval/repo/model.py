import timm
import torch
import torch.nn as nn

SITES = ["head/neck", "upper extremity", "lower extremity", "torso", "palms/soles", "oral/genital", "unknown"]
N_META = 2 + len(SITES)  # age/90, sex, site one-hot


class MelanomaNet(nn.Module):
    def __init__(self, backbone="efficientnet_b2", pretrained=True):
        super().__init__()
        self.cnn = timm.create_model(backbone, pretrained=pretrained, num_classes=0, drop_rate=0.3)
        self.meta = nn.Sequential(
            nn.Linear(N_META, 128), nn.BatchNorm1d(128), nn.SiLU(), nn.Dropout(0.3),
            nn.Linear(128, 32), nn.BatchNorm1d(32), nn.SiLU(),
        )
        self.head = nn.Sequential(nn.Dropout(0.4), nn.Linear(self.cnn.num_features + 32, 1))

    def forward(self, img, meta):
        return self.head(torch.cat([self.cnn(img), self.meta(meta)], dim=1))
