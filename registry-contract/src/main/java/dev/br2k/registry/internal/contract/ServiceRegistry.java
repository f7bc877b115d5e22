package dev.br2k.registry.internal.contract;

import io.reactivex.Flowable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.BaseEventResponse;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple11;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * <p>Auto generated code.
 * <p><strong>Do not modify!</strong>
 * <p>Please use the <a href="https://docs.web3j.io/command_line.html">web3j command line tools</a>,
 * or the org.web3j.codegen.SolidityFunctionWrapperGenerator in the 
 * <a href="https://github.com/hyperledger-web3j/web3j/tree/main/codegen">codegen module</a> to update.
 *
 * <p>Generated with web3j version 4.13.0.
 */
@SuppressWarnings("rawtypes")
public class ServiceRegistry extends Contract {
    public static final String BINARY = "608080604052346015576119de908161001b8239f35b600080fdfe6080604052600436101561001257600080fd5b60003560e01c80630b6c979814611086578063189049881461104b5780631b23a45c14610f9657806327258b2214610f605780633ffdf11d14610eef5780635582c6b214610e3157806355ea9ce11461099e5780635a628cee1461090d57806386ef097a1461084f5780638a8d9e7c146108055780638cf90fb8146106995780639271eea4146104f7578063a3bac08d14610454578063a5332fb614610426578063b6eaaa26146103dc578063ce4cdb0514610239578063da47d856146101175763f09ca3d8146100e257600080fd5b346101125760403660031901126101125761011060043561010161116b565b9061010b816118ef565b611838565b005b600080fd5b34610112576020366003190112610112576004356000818152602081905260409020546001600160a01b0316156102255760005260006020526001600160401b036040600020610221600364ffffffffff8354938160028201549561019260018401549361018b6040518098819301611478565b03866114fb565b604080516001600160a01b038381168252808a1660208301528516918101919091529788976101cb60608a0160a085901c60ff1661117c565b61ffff8360a81c1660808a015261ffff8360b81c1660a08a015260a01c1660c088015260c81c1660e0860152818160a01c1661010086015260c81c1661012084015261016061014084015261016083019061112a565b0390f35b6397c1c13b60e01b60005260045260246000fd5b34610112576020366003190112610112576004356000818152602081905260409020546001600160a01b0316156102255760008181526020819052604090206002810180546001600160a01b031633036103c35781546001600160a01b03198082163317909355815490921690556001600160a01b03166000818152600160209081526040808320858452600290925290912054815460001981019081116103ad576102e59083611203565b90549060031b1c60001982018281116103ad5761031d610306839286611203565b819391549060031b91821b91600019901b19161790565b90556000526002602052604060002055805480156103975760001901906103448282611203565b8154906000199060031b1b19169055558160005260026020526000604081205561036e823361192e565b33917f50f22e16d46a56f7f1a6aca41d415efe528ae08b8fafc225862b22b81bd1c58c600080a4005b634e487b7160e01b600052603160045260246000fd5b634e487b7160e01b600052601160045260246000fd5b8263345a0fb160e21b6000526004523360245260446000fd5b34610112576020366003190112610112576004356001600160401b0381116101125761041861041160209236906004016110ca565b369161151c565b818151910120604051908152f35b346101125760403660031901126101125761011060043561044561116b565b9061044f816118ef565b61176f565b34610112576040366003190112610112576004356024356004811015610112576000828152602081905260409020546001600160a01b031680156104e257331415806104c1575b6104a857610110916116f4565b506301e7a5bb60e71b6000526004523360245260446000fd5b5060008281526004602090815260408083203384529091529020541561049b565b826397c1c13b60e01b60005260045260246000fd5b346101125760c0366003190112610112576004356001600160401b038111610112576105279036906004016110ca565b906024356001600160401b038111610112576105479036906004016110ca565b6064939193356001600160401b038111610112576105699036906004016110ca565b906084356001600160401b038111610112576105899036906004016110ca565b60a4356001600160401b038111610112576105a89036906004016110ca565b939094366105b790898b61151c565b80519060200120996105c88b6118ef565b60008b8152602081905260409020805464ffffffffff60c81b1981164360c890811b64ffffffffff60c81b169190911790925564ffffffffff911c16976040519a8b9a60e08c5260e08c019061061d9261141d565b908a820360208c015261062f9261141d565b9060443560408a015288820360608a01526106499261141d565b90868203608088015261065b9261141d565b9084820360a086015261066d9261141d565b9060c0830152037fc2b9ea76a1bd5191fc9845baac4ed9a1d2bbec420b2b4afa2f3c82f933c9bb1c91a2005b34610112576106a7366110f7565b909180600052600060205260018060a01b036040600020541680156107f057331415806107cf575b6107b75781156107a3578060005260006020526040600020916001830190600282549401805460016001600160401b038260a01c1601966001600160401b0388116103ad577fc04a7bb7ed017bbbc5796e0208643ceb3d40310f117f4130e9a222f3c56cd5659464ffffffffff93610787936001600160401b0360a01b8b60a01b16906001600160401b0360a01b19161790558360a01b4360a01b168460a01b1989161790556040519360408552604085019161141d565b9460a01c166020820152806001600160401b03339616940390a4005b632b76bd3560e11b60005260045260246000fd5b6301e7a5bb60e71b6000526004523360245260446000fd5b506000818152600460209081526040808320338452909152902054156106cf565b506397c1c13b60e01b60005260045260246000fd5b346101125760403660031901126101125761081e6110b4565b600435600052600460205260406000209060018060a01b031660005260205260206040600020541515604051908152f35b3461011257602036600319011261011257600435600052600360205260406000206040518060208354918281520190819360005260206000209060005b8181106108ee57505050816108a29103826114fb565b6040519182916020830190602084525180915260408301919060005b8181106108cc575050500390f35b82516001600160a01b03168452859450602093840193909201916001016108be565b82546001600160a01b031684526020909301926001928301920161088c565b346101125761091b366110f7565b9082600052600060205260018060a01b036040600020541680156109895733141580610968575b61094f5761011092611562565b826301e7a5bb60e71b6000526004523360245260446000fd5b50600083815260046020908152604080832033845290915290205415610942565b836397c1c13b60e01b60005260045260246000fd5b3461011257610120366003190112610112576004356001600160401b038111610112576109cf9036906004016110ca565b906024356001600160401b038111610112576109ef9036906004016110ca565b6044929192356001600160401b03811161011257610a119036906004016110ca565b9290946064359261ffff841690818503610112576084359661ffff881688036101125760c4356001600160401b03811161011257610a539036906004016110ca565b9060e4356001600160401b03811161011257610a739036906004016110ca565b929093610104356001600160401b03811161011257610a969036906004016110ca565b9690978915610e2057610aaa368b8d61151c565b602081519101209d8e600052600060205260406000209c8d60018060a01b03905416610e0b5782158015610dfe575b610ddd578d5460b883901b61ffff60b81b1660a89290921b61ffff60a81b167fffff000000000000000000ff00000000000000000000000000000000000000009091163368ffffffffffffffffff60a81b1981169190911791909117919091174360c81b64ffffffffff60c81b16178e5560018e0180546001600160a01b031916821790558f9c9b9a9998979695949392918d91610b7890839061192e565b60405190606082528d8d6060840190610b909261141d565b93602083015261ffff166040820152803393037f87d63fae3be24bfd6c5a4a87fac3c6d932a774c4bed42fefbbd1911668896aff91a3604051998a9960e08b5260e08b0190610bde9261141d565b9089820360208b0152610bf09261141d565b9060a43560408901528782036060890152610c0a9261141d565b908582036080870152610c1c9261141d565b9083820360a0850152610c2e9261141d565b60c0820160009052037fc2b9ea76a1bd5191fc9845baac4ed9a1d2bbec420b2b4afa2f3c82f933c9bb1c91a281610c6b575b602083604051908152f35b6003016001600160401b038211610dc757610c86815461143e565b601f8111610d7f575b506020938391836000601f8211600114610cfe57916000805160206119898339815191529391610ce993600091610cf3575b508660011b906000198860031b1c19161790555b60405191829188835233968984019161141d565b0390a38280610c60565b905082013589610cc1565b828152878120601f19871695949392509086815b878110610d62575090610ce994939291600080516020611989833981519152969710610d48575b5050600186811b019055610cd5565b830135600019600389901b60f8161c191690558880610d39565b858301358455899650600190930192918a01918891508a01610d12565b816000526020600020601f840160051c81019160208510610dbd575b601f0160051c01905b818110610db15750610c8f565b60008155600101610da4565b9091508190610d9b565b634e487b7160e01b600052604160045260246000fd5b5061ffff918f631b4cb8b360e31b6000526004526024521660445260646000fd5b5061ffff82168311610ad9565b8f63ed03135f60e01b60005260045260246000fd5b632ef1310560e01b60005260046000fd5b34610112576020366003190112610112576004356001600160a01b0381169081900361011257600052600160205260406000206040518060208354918281520190819360005260206000209060005b818110610ed95750505081610e969103826114fb565b6040519182916020830190602084525180915260408301919060005b818110610ec0575050500390f35b8251845285945060209384019390920191600101610eb2565b8254845260209093019260019283019201610e80565b34610112576020366003190112610112576004356000818152602081905260409020546001600160a01b031615610225576000526000602052610221610f45610f4c600360406000200160405192838092611478565b03826114fb565b60405191829160208352602083019061112a565b34610112576020366003190112610112576004356000526000602052602060018060a01b03604060002054161515604051908152f35b3461011257610fa4366110f7565b6000838152602081905260409020549192916001600160a01b0316156107f0576000828152602081905260409020600101805464ffffffffff60c81b1981164360c890811b64ffffffffff60c81b1691909117909255901c64ffffffffff16927f216f6e27b8ba2449286dba9d74c4e675372ee2a1f4dc93c3b15dd2c65565c781919061103d906040519260408452604084019161141d565b9360208201528033940390a3005b34610112576060366003190112610112576004356110676110b4565b6044359081151582036101125782611081610110946118ef565b611231565b34610112576040366003190112610112576101106004356110a56110b4565b906110af816118ef565b61119f565b602435906001600160a01b038216820361011257565b9181601f84011215610112578235916001600160401b038311610112576020838186019501011161011257565b9060406003198301126101125760043591602435906001600160401b03821161011257611126916004016110ca565b9091565b919082519283825260005b848110611156575050826000602080949584010152601f8019910116010190565b80602080928401015182828601015201611135565b6024359061ffff8216820361011257565b9060048210156111895752565b634e487b7160e01b600052602160045260246000fd5b600081815260208190526040902060020180546001600160a01b03938416931683146111fe5780546001600160a01b0319168317905533907f52eaef52c95c66474cfcd71d08752da76df1ec80e5fd35a55c039ff376cb4ed1600080a4565b505050565b805482101561121b5760005260206000200190600090565b634e487b7160e01b600052603260045260246000fd5b6001600160a01b03821692909190831561140c57826000526004602052604060002084600052602052604060002054811515918115158314611404571561131c57508260005260036020526040600020908154600160401b811015610dc7577ff858483fef51310506532d5682ded0faa39f1251e1d933c444702e6cd7dd41a7936112c78260209560016112eb95018155611203565b81546001600160a01b0393841660039290921b91821b9390911b1916919091179055565b8360005260038252604060002054846000526004835260406000208660005283526040600020555b604051908152a3565b9150826000526003602052604060002091825460001981019081116103ad576113459084611203565b905460039190911b1c6001600160a01b031660001982018281116103ad57816112c76113719287611203565b84600052600460205260406000209060018060a01b03166000526020526040600020558154908115610397577ff858483fef51310506532d5682ded0faa39f1251e1d933c444702e6cd7dd41a79260209260001901906113d18282611203565b81549060018060a01b039060031b1b19169055558360005260048252604060002085600052825260006040812055611313565b505050505050565b63d92e233d60e01b60005260046000fd5b908060209392818452848401376000828201840152601f01601f1916010190565b90600182811c9216801561146e575b602083101461145857565b634e487b7160e01b600052602260045260246000fd5b91607f169161144d565b600092918154916114888361143e565b80835292600181169081156114de57506001146114a457505050565b60009081526020812093945091925b8383106114c4575060209250010190565b6001816020929493945483858701015201910191906114b3565b915050602093945060ff929192191683830152151560051b010190565b90601f801991011681019081106001600160401b03821117610dc757604052565b9291926001600160401b038211610dc75760405191611545601f8201601f1916602001846114fb565b829481845281830111610112578281602093846000960137010152565b90816000526000602052600360406000200160405161158581610f458185611478565b6020815191012061159736868561151c565b60208151910120146116ee576001600160401b038411610dc7576115bb815461143e565b601f81116116a6575b50836000601f821160011461162b5791600080516020611989833981519152939161161b93600091611620575b508660011b906000198860031b1c19161790555b604051918291602083523396602084019161141d565b0390a3565b9050820135386115f1565b82815260208120915085601f198116825b81811061168b57509160008051602061198983398151915295939161161b959310611671575b5050600186811b019055611605565b830135600019600389901b60f8161c191690553880611662565b8684013585556001909401936020938401938993500161163c565b816000526020600020601f860160051c810191602087106116e4575b601f0160051c01905b8181106116d857506115c4565b600081556001016116cb565b90915081906116c2565b50505050565b8060005260006020526040600020805460ff8160a01c1660048510156111895760048110156111895784146116ee5760ff60a01b191660a084901b60ff60a01b161790556040519161174790839061117c565b7fc08fe2f6af39dd3075756b7c2bed4959c4293127c815441919ad3ab178583a0560203393a3565b9081600052600060205260406000209061ffff811680158015611827575b6118015761ffff835460a81c16146111fe57815461ffff60a81b191660a882901b61ffff60a81b1617918290556040805161ffff928316815260b89390931c90911660208301527fb8f1dfbe4e8a323c5ceb8d9c68edb6ec544d2e1f39ec8284c73536b5c71175959190819081015b0390a2565b9161ffff91505460b81c1691631b4cb8b360e31b60005260045260245260445260646000fd5b5061ffff835460b81c16811161178d565b90816000526000602052604060002090815461ffff8160a81c169061ffff8316918083106118d3575060b81c61ffff16146111fe57815461ffff60b81b191660b882901b61ffff60b81b161782557fb8f1dfbe4e8a323c5ceb8d9c68edb6ec544d2e1f39ec8284c73536b5c71175959161ffff905460a81c166117fc6040519283928390929161ffff60209181604085019616845216910152565b8286639a75034160e01b60005260045260245260445260646000fd5b6000818152602081905260409020546001600160a01b031680156107f05733036119165750565b63163a01a760e31b6000526004523360245260446000fd5b6001600160a01b031660008181526001602052604090208054600160401b811015610dc757610306818593600161196794018155611203565b9055600052600160205260406000205490600052600260205260406000205556fe3474bf31b42d73208b6b89cdf4d0e65ab4bb12ca0a0b38c389199660cdcac526a2646970667358221220184cd2afbd2ca25baa4949456bded4c354e679c28a55e151010cd1bbcd1a1b7764736f6c634300081e0033";

    private static String librariesLinkedBinary;

    public static final String FUNC_ACCEPTMANAGER = "acceptManager";

    public static final String FUNC_APPENDBACKUPLOG = "appendBackupLog";

    public static final String FUNC_GETSERVICE = "getService";

    public static final String FUNC_GETSERVICELOCATION = "getServiceLocation";

    public static final String FUNC_ISOPERATOR = "isOperator";

    public static final String FUNC_ISREGISTERED = "isRegistered";

    public static final String FUNC_OPERATORSOF = "operatorsOf";

    public static final String FUNC_REGISTER = "register";

    public static final String FUNC_SENDCLAIM = "sendClaim";

    public static final String FUNC_SERVICEIDOF = "serviceIdOf";

    public static final String FUNC_SERVICESOF = "servicesOf";

    public static final String FUNC_SETDETAILS = "setDetails";

    public static final String FUNC_SETMAXREPLICAS = "setMaxReplicas";

    public static final String FUNC_SETOPERATOR = "setOperator";

    public static final String FUNC_SETREPLICACOUNT = "setReplicaCount";

    public static final String FUNC_SETRUNSTATE = "setRunState";

    public static final String FUNC_TRANSFERMANAGER = "transferManager";

    public static final String FUNC_UPDATELOCATION = "updateLocation";

    public static final Event BACKUP_EVENT = new Event("Backup", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint64>(true) {}, new TypeReference<DynamicBytes>() {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event CLAIM_EVENT = new Event("Claim", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event DETAILSCHANGED_EVENT = new Event("DetailsChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Bytes32>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<DynamicBytes>() {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event MANAGERCHANGED_EVENT = new Event("ManagerChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event MANAGERTRANSFERSTARTED_EVENT = new Event("ManagerTransferStarted", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event NEWLOCATION_EVENT = new Event("NewLocation", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event OPERATORCHANGED_EVENT = new Event("OperatorChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Bool>() {}));
    ;

    public static final Event REPLICACOUNT_EVENT = new Event("ReplicaCount", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}));
    ;

    public static final Event RUNSTATECHANGED_EVENT = new Event("RunStateChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint8>() {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event SERVICEREGISTERED_EVENT = new Event("ServiceRegistered", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Address>(true) {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}));
    ;

    @Deprecated
    protected ServiceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    protected ServiceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, credentials, contractGasProvider);
    }

    @Deprecated
    protected ServiceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    protected ServiceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static List<BackupEventResponse> getBackupEvents(TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(BACKUP_EVENT, transactionReceipt);
        ArrayList<BackupEventResponse> responses = new ArrayList<BackupEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            BackupEventResponse typedResponse = new BackupEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.sequence = (BigInteger) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(2).getValue();
            typedResponse.record = (byte[]) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static BackupEventResponse getBackupEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(BACKUP_EVENT, log);
        BackupEventResponse typedResponse = new BackupEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.sequence = (BigInteger) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(2).getValue();
        typedResponse.record = (byte[]) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<BackupEventResponse> backupEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getBackupEventFromLog(log));
    }

    public Flowable<BackupEventResponse> backupEventFlowable(DefaultBlockParameter startBlock,
            DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(BACKUP_EVENT));
        return backupEventFlowable(filter);
    }

    public static List<ClaimEventResponse> getClaimEvents(TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(CLAIM_EVENT, transactionReceipt);
        ArrayList<ClaimEventResponse> responses = new ArrayList<ClaimEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ClaimEventResponse typedResponse = new ClaimEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.claimant = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.reason = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ClaimEventResponse getClaimEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(CLAIM_EVENT, log);
        ClaimEventResponse typedResponse = new ClaimEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.claimant = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.reason = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ClaimEventResponse> claimEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getClaimEventFromLog(log));
    }

    public Flowable<ClaimEventResponse> claimEventFlowable(DefaultBlockParameter startBlock,
            DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(CLAIM_EVENT));
        return claimEventFlowable(filter);
    }

    public static List<DetailsChangedEventResponse> getDetailsChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(DETAILSCHANGED_EVENT, transactionReceipt);
        ArrayList<DetailsChangedEventResponse> responses = new ArrayList<DetailsChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            DetailsChangedEventResponse typedResponse = new DetailsChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.description = (String) eventValues.getNonIndexedValues().get(1).getValue();
            typedResponse.contextHash = (byte[]) eventValues.getNonIndexedValues().get(2).getValue();
            typedResponse.contextPointer = (String) eventValues.getNonIndexedValues().get(3).getValue();
            typedResponse.imageLocation = (String) eventValues.getNonIndexedValues().get(4).getValue();
            typedResponse.imageCredentials = (byte[]) eventValues.getNonIndexedValues().get(5).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(6).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static DetailsChangedEventResponse getDetailsChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(DETAILSCHANGED_EVENT, log);
        DetailsChangedEventResponse typedResponse = new DetailsChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.description = (String) eventValues.getNonIndexedValues().get(1).getValue();
        typedResponse.contextHash = (byte[]) eventValues.getNonIndexedValues().get(2).getValue();
        typedResponse.contextPointer = (String) eventValues.getNonIndexedValues().get(3).getValue();
        typedResponse.imageLocation = (String) eventValues.getNonIndexedValues().get(4).getValue();
        typedResponse.imageCredentials = (byte[]) eventValues.getNonIndexedValues().get(5).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(6).getValue();
        return typedResponse;
    }

    public Flowable<DetailsChangedEventResponse> detailsChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getDetailsChangedEventFromLog(log));
    }

    public Flowable<DetailsChangedEventResponse> detailsChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(DETAILSCHANGED_EVENT));
        return detailsChangedEventFlowable(filter);
    }

    public static List<ManagerChangedEventResponse> getManagerChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(MANAGERCHANGED_EVENT, transactionReceipt);
        ArrayList<ManagerChangedEventResponse> responses = new ArrayList<ManagerChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ManagerChangedEventResponse typedResponse = new ManagerChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.previousManager = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.newManager = (String) eventValues.getIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ManagerChangedEventResponse getManagerChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(MANAGERCHANGED_EVENT, log);
        ManagerChangedEventResponse typedResponse = new ManagerChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.previousManager = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.newManager = (String) eventValues.getIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ManagerChangedEventResponse> managerChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getManagerChangedEventFromLog(log));
    }

    public Flowable<ManagerChangedEventResponse> managerChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(MANAGERCHANGED_EVENT));
        return managerChangedEventFlowable(filter);
    }

    public static List<ManagerTransferStartedEventResponse> getManagerTransferStartedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(MANAGERTRANSFERSTARTED_EVENT, transactionReceipt);
        ArrayList<ManagerTransferStartedEventResponse> responses = new ArrayList<ManagerTransferStartedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ManagerTransferStartedEventResponse typedResponse = new ManagerTransferStartedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.pendingManager = (String) eventValues.getIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ManagerTransferStartedEventResponse getManagerTransferStartedEventFromLog(
            Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(MANAGERTRANSFERSTARTED_EVENT, log);
        ManagerTransferStartedEventResponse typedResponse = new ManagerTransferStartedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.pendingManager = (String) eventValues.getIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ManagerTransferStartedEventResponse> managerTransferStartedEventFlowable(
            EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getManagerTransferStartedEventFromLog(log));
    }

    public Flowable<ManagerTransferStartedEventResponse> managerTransferStartedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(MANAGERTRANSFERSTARTED_EVENT));
        return managerTransferStartedEventFlowable(filter);
    }

    public static List<NewLocationEventResponse> getNewLocationEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(NEWLOCATION_EVENT, transactionReceipt);
        ArrayList<NewLocationEventResponse> responses = new ArrayList<NewLocationEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            NewLocationEventResponse typedResponse = new NewLocationEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.location = (String) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static NewLocationEventResponse getNewLocationEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(NEWLOCATION_EVENT, log);
        NewLocationEventResponse typedResponse = new NewLocationEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.location = (String) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<NewLocationEventResponse> newLocationEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getNewLocationEventFromLog(log));
    }

    public Flowable<NewLocationEventResponse> newLocationEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(NEWLOCATION_EVENT));
        return newLocationEventFlowable(filter);
    }

    public static List<OperatorChangedEventResponse> getOperatorChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(OPERATORCHANGED_EVENT, transactionReceipt);
        ArrayList<OperatorChangedEventResponse> responses = new ArrayList<OperatorChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            OperatorChangedEventResponse typedResponse = new OperatorChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.operator = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.approved = (Boolean) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static OperatorChangedEventResponse getOperatorChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(OPERATORCHANGED_EVENT, log);
        OperatorChangedEventResponse typedResponse = new OperatorChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.operator = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.approved = (Boolean) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<OperatorChangedEventResponse> operatorChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getOperatorChangedEventFromLog(log));
    }

    public Flowable<OperatorChangedEventResponse> operatorChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(OPERATORCHANGED_EVENT));
        return operatorChangedEventFlowable(filter);
    }

    public static List<ReplicaCountEventResponse> getReplicaCountEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(REPLICACOUNT_EVENT, transactionReceipt);
        ArrayList<ReplicaCountEventResponse> responses = new ArrayList<ReplicaCountEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ReplicaCountEventResponse typedResponse = new ReplicaCountEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ReplicaCountEventResponse getReplicaCountEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(REPLICACOUNT_EVENT, log);
        ReplicaCountEventResponse typedResponse = new ReplicaCountEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ReplicaCountEventResponse> replicaCountEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getReplicaCountEventFromLog(log));
    }

    public Flowable<ReplicaCountEventResponse> replicaCountEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(REPLICACOUNT_EVENT));
        return replicaCountEventFlowable(filter);
    }

    public static List<RunStateChangedEventResponse> getRunStateChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(RUNSTATECHANGED_EVENT, transactionReceipt);
        ArrayList<RunStateChangedEventResponse> responses = new ArrayList<RunStateChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            RunStateChangedEventResponse typedResponse = new RunStateChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.state = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static RunStateChangedEventResponse getRunStateChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(RUNSTATECHANGED_EVENT, log);
        RunStateChangedEventResponse typedResponse = new RunStateChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.state = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<RunStateChangedEventResponse> runStateChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getRunStateChangedEventFromLog(log));
    }

    public Flowable<RunStateChangedEventResponse> runStateChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(RUNSTATECHANGED_EVENT));
        return runStateChangedEventFlowable(filter);
    }

    public static List<ServiceRegisteredEventResponse> getServiceRegisteredEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(SERVICEREGISTERED_EVENT, transactionReceipt);
        ArrayList<ServiceRegisteredEventResponse> responses = new ArrayList<ServiceRegisteredEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ServiceRegisteredEventResponse typedResponse = new ServiceRegisteredEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.deployer = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ServiceRegisteredEventResponse getServiceRegisteredEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(SERVICEREGISTERED_EVENT, log);
        ServiceRegisteredEventResponse typedResponse = new ServiceRegisteredEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.deployer = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ServiceRegisteredEventResponse> serviceRegisteredEventFlowable(
            EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getServiceRegisteredEventFromLog(log));
    }

    public Flowable<ServiceRegisteredEventResponse> serviceRegisteredEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(SERVICEREGISTERED_EVENT));
        return serviceRegisteredEventFlowable(filter);
    }

    public RemoteFunctionCall<TransactionReceipt> acceptManager(byte[] id) {
        final Function function = new Function(
                FUNC_ACCEPTMANAGER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> appendBackupLog(byte[] id, byte[] record) {
        final Function function = new Function(
                FUNC_APPENDBACKUPLOG, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.DynamicBytes(record)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>> getService(
            byte[] id) {
        final Function function = new Function(FUNC_GETSERVICE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Address>() {}, new TypeReference<Address>() {}, new TypeReference<Address>() {}, new TypeReference<Uint8>() {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}, new TypeReference<Uint64>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Utf8String>() {}));
        return new RemoteFunctionCall<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>>(function,
                new Callable<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>>() {
                    @Override
                    public Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String> call(
                            ) throws Exception {
                        List<Type> results = executeCallMultipleValueReturn(function);
                        return new Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>(
                                (String) results.get(0).getValue(), 
                                (String) results.get(1).getValue(), 
                                (String) results.get(2).getValue(), 
                                (BigInteger) results.get(3).getValue(), 
                                (BigInteger) results.get(4).getValue(), 
                                (BigInteger) results.get(5).getValue(), 
                                (BigInteger) results.get(6).getValue(), 
                                (BigInteger) results.get(7).getValue(), 
                                (BigInteger) results.get(8).getValue(), 
                                (BigInteger) results.get(9).getValue(), 
                                (String) results.get(10).getValue());
                    }
                });
    }

    public RemoteFunctionCall<String> getServiceLocation(byte[] id) {
        final Function function = new Function(FUNC_GETSERVICELOCATION, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Utf8String>() {}));
        return executeRemoteCallSingleValueReturn(function, String.class);
    }

    public RemoteFunctionCall<Boolean> isOperator(byte[] id, String account) {
        final Function function = new Function(FUNC_ISOPERATOR, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, account)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bool>() {}));
        return executeRemoteCallSingleValueReturn(function, Boolean.class);
    }

    public RemoteFunctionCall<Boolean> isRegistered(byte[] id) {
        final Function function = new Function(FUNC_ISREGISTERED, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bool>() {}));
        return executeRemoteCallSingleValueReturn(function, Boolean.class);
    }

    public RemoteFunctionCall<List> operatorsOf(byte[] id) {
        final Function function = new Function(FUNC_OPERATORSOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<DynamicArray<Address>>() {}));
        return new RemoteFunctionCall<List>(function,
                new Callable<List>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public List call() throws Exception {
                        List<Type> result = (List<Type>) executeCallSingleValueReturn(function, List.class);
                        return convertToNative(result);
                    }
                });
    }

    public RemoteFunctionCall<TransactionReceipt> register(String name, String description,
            String location, BigInteger replicaCount, BigInteger maxReplicas, byte[] contextHash,
            String contextPointer, String imageLocation, byte[] imageCredentials) {
        final Function function = new Function(
                FUNC_REGISTER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Utf8String(description), 
                new org.web3j.abi.datatypes.Utf8String(location), 
                new org.web3j.abi.datatypes.generated.Uint16(replicaCount), 
                new org.web3j.abi.datatypes.generated.Uint16(maxReplicas), 
                new org.web3j.abi.datatypes.generated.Bytes32(contextHash), 
                new org.web3j.abi.datatypes.Utf8String(contextPointer), 
                new org.web3j.abi.datatypes.Utf8String(imageLocation), 
                new org.web3j.abi.datatypes.DynamicBytes(imageCredentials)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> sendClaim(byte[] id, String reason) {
        final Function function = new Function(
                FUNC_SENDCLAIM, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Utf8String(reason)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<byte[]> serviceIdOf(String name) {
        final Function function = new Function(FUNC_SERVICEIDOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}));
        return executeRemoteCallSingleValueReturn(function, byte[].class);
    }

    public RemoteFunctionCall<List> servicesOf(String manager) {
        final Function function = new Function(FUNC_SERVICESOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Address(160, manager)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<DynamicArray<Bytes32>>() {}));
        return new RemoteFunctionCall<List>(function,
                new Callable<List>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public List call() throws Exception {
                        List<Type> result = (List<Type>) executeCallSingleValueReturn(function, List.class);
                        return convertToNative(result);
                    }
                });
    }

    public RemoteFunctionCall<TransactionReceipt> setDetails(String name, String description,
            byte[] contextHash, String contextPointer, String imageLocation,
            byte[] imageCredentials) {
        final Function function = new Function(
                FUNC_SETDETAILS, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Utf8String(description), 
                new org.web3j.abi.datatypes.generated.Bytes32(contextHash), 
                new org.web3j.abi.datatypes.Utf8String(contextPointer), 
                new org.web3j.abi.datatypes.Utf8String(imageLocation), 
                new org.web3j.abi.datatypes.DynamicBytes(imageCredentials)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setMaxReplicas(byte[] id,
            BigInteger maxReplicas) {
        final Function function = new Function(
                FUNC_SETMAXREPLICAS, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint16(maxReplicas)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setOperator(byte[] id, String operator,
            Boolean approved) {
        final Function function = new Function(
                FUNC_SETOPERATOR, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, operator), 
                new org.web3j.abi.datatypes.Bool(approved)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setReplicaCount(byte[] id,
            BigInteger replicaCount) {
        final Function function = new Function(
                FUNC_SETREPLICACOUNT, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint16(replicaCount)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setRunState(byte[] id, BigInteger state) {
        final Function function = new Function(
                FUNC_SETRUNSTATE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint8(state)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> transferManager(byte[] id, String newManager) {
        final Function function = new Function(
                FUNC_TRANSFERMANAGER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, newManager)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> updateLocation(byte[] id, String location) {
        final Function function = new Function(
                FUNC_UPDATELOCATION, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Utf8String(location)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    @Deprecated
    public static ServiceRegistry load(String contractAddress, Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        return new ServiceRegistry(contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    @Deprecated
    public static ServiceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return new ServiceRegistry(contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    public static ServiceRegistry load(String contractAddress, Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        return new ServiceRegistry(contractAddress, web3j, credentials, contractGasProvider);
    }

    public static ServiceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return new ServiceRegistry(contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ServiceRegistry.class, web3j, credentials, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ServiceRegistry.class, web3j, credentials, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ServiceRegistry.class, web3j, transactionManager, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ServiceRegistry.class, web3j, transactionManager, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static void linkLibraries(List<Contract.LinkReference> references) {
        librariesLinkedBinary = linkBinaryWithReferences(BINARY, references);
    }

    private static String getDeploymentBinary() {
        if (librariesLinkedBinary != null) {
            return librariesLinkedBinary;
        } else {
            return BINARY;
        }
    }

    public static class BackupEventResponse extends BaseEventResponse {
        public byte[] id;

        public BigInteger sequence;

        public String by;

        public byte[] record;

        public BigInteger previousChange;
    }

    public static class ClaimEventResponse extends BaseEventResponse {
        public byte[] id;

        public String claimant;

        public String reason;

        public BigInteger previousChange;
    }

    public static class DetailsChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String name;

        public String description;

        public byte[] contextHash;

        public String contextPointer;

        public String imageLocation;

        public byte[] imageCredentials;

        public BigInteger previousChange;
    }

    public static class ManagerChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String previousManager;

        public String newManager;
    }

    public static class ManagerTransferStartedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String manager;

        public String pendingManager;
    }

    public static class NewLocationEventResponse extends BaseEventResponse {
        public byte[] id;

        public String by;

        public String location;
    }

    public static class OperatorChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String operator;

        public Boolean approved;
    }

    public static class ReplicaCountEventResponse extends BaseEventResponse {
        public byte[] id;

        public BigInteger replicaCount;

        public BigInteger maxReplicas;
    }

    public static class RunStateChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String by;

        public BigInteger state;
    }

    public static class ServiceRegisteredEventResponse extends BaseEventResponse {
        public byte[] id;

        public String deployer;

        public String name;

        public BigInteger replicaCount;

        public BigInteger maxReplicas;
    }
}
