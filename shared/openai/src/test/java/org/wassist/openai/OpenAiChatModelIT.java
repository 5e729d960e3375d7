package org.wassist.openai;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.wassist.model.ChatModel;
import org.wassist.standins.openai.FakeOpenAi;
import org.wassist.standins.openai.FakeResponse;
import org.wassist.standins.openai.RecordedRequest;
import org.wassist.testkit.model.ChatModelContract;

/** The model contract for the real client against the fake OpenAI server. */
class OpenAiChatModelIT extends ChatModelContract {
    private static final int RETRIES = 1;

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final OpenAiChatModel model = new OpenAiChatModel(Configs.model(fake.baseUrl(), RETRIES, "sk-contract"));

    @AfterEach
    void stop() {
        model.close();
        fake.close();
    }

    @Override
    protected ChatModel model() {
        return model;
    }

    @Override
    protected void scriptReply(String text) {
        fake.enqueue(FakeResponse.reply(text));
    }

    @Override
    protected void scriptOutage() {
        for (int i = 0; i <= RETRIES; i++) {
            fake.enqueue(FakeResponse.unavailable().withHeader("retry-after-ms", "0"));
        }
    }

    @Override
    protected void scriptRejection() {
        fake.enqueue(FakeResponse.error(400, "Invalid 'messages[0].content': " + SECRET_QUESTION));
    }

    @Override
    protected Received lastReceived() {
        List<RecordedRequest> chats = fake.chatRequests();
        RecordedRequest last = chats.get(chats.size() - 1);
        return new Received(
                Wire.messages(last), Wire.body(last).path("max_tokens").asInt());
    }
}
