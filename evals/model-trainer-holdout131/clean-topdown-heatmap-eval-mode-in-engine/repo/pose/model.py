import torch.nn as nn
import torchvision


class ResNetHeatmap(nn.Module):
    def __init__(self, num_joints=16, depth=50, deconv_channels=256):
        super().__init__()
        ctor = getattr(torchvision.models, f"resnet{depth}")
        weights = torchvision.models.get_model_weights(f"resnet{depth}").IMAGENET1K_V2
        r = ctor(weights=weights)
        self.backbone = nn.Sequential(*list(r.children())[:-2])
        cin = r.fc.in_features
        ups = []
        for _ in range(3):
            ups += [nn.ConvTranspose2d(cin, deconv_channels, 4, 2, 1, bias=False),
                    nn.BatchNorm2d(deconv_channels), nn.ReLU(inplace=True)]
            cin = deconv_channels
        self.up = nn.Sequential(*ups)
        self.out = nn.Conv2d(deconv_channels, num_joints, 1)

    def forward(self, x):
        return self.out(self.up(self.backbone(x)))
