package com.siyu.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class StrictJsonTest {

    record Grant(Long memberId, Long templateId, Integer amountFen, Boolean sendNotice, String note, List<String> tags) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        StrictJson.configure(builder);
        builder.modulesToInstall(StrictJson.wellFormedText());
        return builder.build();
    }

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        Grant grant = json.readValue("{\"memberId\":1,\"templateId\":2,\"amountFen\":1250,\"sendNotice\":true,\"note\":\"好 😀\",\"tags\":[\"a\"]}", Grant.class);
        assertThat(grant).isEqualTo(new Grant(1L, 2L, 1250, true, "好 😀", List.of("a")));
    }

    @Test
    void trailingContentAfterTheValueIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"memberId\":1,\"amountFen\":1}}xyz", Grant.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Unexpected close marker");
        assertThatThrownBy(() -> json.readValue("{\"memberId\":1,\"amountFen\":1}xyz", Grant.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> json.readValue("{\"memberId\":1,\"amountFen\":1} 7", Grant.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> json.readValue("{\"memberId\":1} {\"memberId\":2}", Grant.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aDuplicateKeyIsRefusedWhereverItIs() {
        assertThatThrownBy(() -> json.readValue("{\"memberId\":1,\"memberId\":2}", Grant.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'memberId'");
        assertThatThrownBy(() -> json.readValue("{\"note\":\"a\",\"amountFen\":1,\"note\":\"b\"}", Grant.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("Duplicate field 'note'");
    }

    @Test
    void numbersAndBooleansAreNotCoercedFromOtherTypes() {
        for (String body : List.of("{\"memberId\":\"1\"}", "{\"memberId\":1.5}", "{\"amountFen\":12.5}", "{\"templateId\":2.0}",
                "{\"sendNotice\":\"true\"}", "{\"sendNotice\":1}", "{\"note\":12}", "{\"note\":true}", "{\"memberId\":\"\"}",
                "{\"tags\":[1]}")) {
            assertThatThrownBy(() -> json.readValue(body, Grant.class)).as(body).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void loneSurrogatesAreRefusedAndPairsAccepted() throws Exception {
        assertThatThrownBy(() -> json.readValue("{\"note\":\"ab\\ud800\"}", Grant.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> json.readValue("{\"note\":\"\\udc00x\"}", Grant.class)).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> json.readValue("{\"tags\":[\"\\ud83d\"]}", Grant.class)).isInstanceOf(InvalidFormatException.class);
        assertThat(json.readValue("{\"note\":\"\\ud83d\\ude00\"}", Grant.class).note()).isEqualTo("😀");
    }
}
