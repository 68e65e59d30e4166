package nl.tijdig.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiDocumentFilterTest {

    @ParameterizedTest
    @CsvSource({"DebtorResource_register,registerDebtor", "InvoiceResource_issue,issueInvoice",
            "DeadLetterResource_list,listDeadLetter", "CallbackResource_status,statusCallback", "plain,plain"})
    void an_operation_is_named_by_its_method_and_resource(String classMethod, String operationId) {
        assertThat(ApiDocumentFilter.operationId(classMethod)).isEqualTo(operationId);
    }
}
