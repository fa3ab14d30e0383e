"""Fine-tune Whisper on Common Voice for a single language."""
import argparse
import json
import os

import evaluate
import yaml
from datasets import Audio, DatasetDict, load_dataset
from transformers import (
    EarlyStoppingCallback,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
    WhisperForConditionalGeneration,
    WhisperProcessor,
)

from collator import DataCollatorSpeechSeq2SeqWithPadding


def load_splits(cfg):
    cv = DatasetDict()
    cv["train"] = load_dataset(cfg["dataset"], cfg["language_code"], split=cfg["train_splits"],
                               token=os.environ.get("HF_TOKEN"))
    cv["eval"] = load_dataset(cfg["dataset"], cfg["language_code"], split=cfg["eval_split"],
                              token=os.environ.get("HF_TOKEN"))
    keep = {"audio", "sentence"}
    cv = cv.remove_columns([c for c in cv["train"].column_names if c not in keep])
    return cv.cast_column("audio", Audio(sampling_rate=16000))


def main(cfg):
    processor = WhisperProcessor.from_pretrained(cfg["model_name"], language=cfg["language"], task="transcribe")
    cv = load_splits(cfg)

    def prepare(batch):
        audio = batch["audio"]
        batch["input_features"] = processor.feature_extractor(
            audio["array"], sampling_rate=audio["sampling_rate"]).input_features[0]
        batch["input_length"] = len(audio["array"]) / audio["sampling_rate"]
        batch["labels"] = processor.tokenizer(batch["sentence"]).input_ids
        return batch

    cv = cv.map(prepare, remove_columns=cv["train"].column_names, num_proc=4)
    cv = cv.filter(lambda s: s < cfg["max_input_seconds"], input_columns=["input_length"])

    model = WhisperForConditionalGeneration.from_pretrained(cfg["model_name"])
    model.generation_config.language = cfg["language"]
    model.generation_config.task = "transcribe"
    model.generation_config.forced_decoder_ids = None

    wer_metric = evaluate.load("wer")
    cer_metric = evaluate.load("cer")

    def compute_metrics(pred):
        label_ids = pred.label_ids
        label_ids[label_ids == -100] = processor.tokenizer.pad_token_id
        pred_str = processor.batch_decode(pred.predictions, skip_special_tokens=True)
        label_str = processor.batch_decode(label_ids, skip_special_tokens=True)
        return {
            "wer": 100 * wer_metric.compute(predictions=pred_str, references=label_str),
            "cer": 100 * cer_metric.compute(predictions=pred_str, references=label_str),
        }

    t = cfg["training"]
    args = Seq2SeqTrainingArguments(
        output_dir=cfg["output_dir"],
        per_device_train_batch_size=t["per_device_train_batch_size"],
        per_device_eval_batch_size=t["per_device_eval_batch_size"],
        gradient_accumulation_steps=t["gradient_accumulation_steps"],
        learning_rate=t["learning_rate"],
        warmup_steps=t["warmup_steps"],
        max_steps=t["max_steps"],
        gradient_checkpointing=True,
        fp16=True,
        evaluation_strategy="steps",
        eval_steps=t["eval_steps"],
        save_steps=t["save_steps"],
        save_total_limit=3,
        predict_with_generate=True,
        generation_max_length=t["generation_max_length"],
        load_best_model_at_end=True,
        metric_for_best_model="wer",
        greater_is_better=False,
        report_to=["tensorboard"],
        seed=t["seed"],
    )

    trainer = Seq2SeqTrainer(
        model=model,
        args=args,
        train_dataset=cv["train"],
        eval_dataset=cv["eval"],
        data_collator=DataCollatorSpeechSeq2SeqWithPadding(processor, model.config.decoder_start_token_id),
        compute_metrics=compute_metrics,
        tokenizer=processor.feature_extractor,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=t["early_stopping_patience"])],
    )
    trainer.train()

    final = trainer.evaluate(cv["eval"], metric_key_prefix="test")
    print(json.dumps(final, indent=2))
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))
    processor.save_pretrained(os.path.join(cfg["output_dir"], "best"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/whisper_small_hi.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
